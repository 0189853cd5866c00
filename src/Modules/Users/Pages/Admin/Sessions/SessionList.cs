using Portal.Modules.Users.Models;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin.Sessions;

/// <summary>
/// A list of live sessions with a button to end each and one to end the rest, as the user's own page
/// and the user edit page show it (<c>_SessionList.cshtml</c>); the buttons post to the page's
/// <c>EndSession</c> and <c>EndSessions</c> handlers.
/// </summary>
public sealed record SessionList(IReadOnlyList<SessionRow> Rows, string EndAllText, string? RouteId = null)
{
    public static SessionList From(IEnumerable<UserSession> sessions, string? currentSessionId, string endAllText, string? routeId = null) =>
        new(sessions.Select(s => new SessionRow(s.Id, SessionDevice.Describe(s.UserAgent), s.ClientAddress, s.CreatedUtc, s.LastSeenUtc,
            string.Equals(s.Id, currentSessionId, StringComparison.Ordinal))).ToList(), endAllText, routeId);
}

public sealed record SessionRow(string Id, string Device, string? ClientAddress, DateTimeOffset CreatedUtc, DateTimeOffset LastSeenUtc, bool IsCurrent);
