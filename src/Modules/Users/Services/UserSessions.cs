using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Auditing;
using Portal.Core.Data;
using Portal.Core.Settings;
using Portal.Modules.Users.Models;
using Portal.Modules.Users.Settings;

namespace Portal.Modules.Users.Services;

/// <summary>
/// The server-side list of sign-ins (<see cref="UserSession"/> rows) of the current tenant: started
/// by the sign-in cookie, checked on every request by <see cref="SessionValidation"/>, listed and
/// ended by the user and by the tenant's administrators.
/// </summary>
public sealed class UserSessions(PortalDbContext db, ITenantSettings settings, IAuditLog auditLog, TimeProvider clock)
{
    public const string EndedAction = "users.session-ended";

    /// <summary>Last activity is written at most this often, to keep writes per request low.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// <summary><see cref="HttpContext.Items"/> key of the session id of the request, set by the validation.</summary>
    public const string CurrentSessionItem = ".portal.session";

    /// <summary>The session id of the current request's sign-in, once validated; null when there is none.</summary>
    public static string? CurrentSessionId(HttpContext context) => context.Items[CurrentSessionItem] as string;

    /// <summary>The current tenant's idle and absolute limits (cached in memory by the settings store).</summary>
    public ValueTask<SessionSettings> LimitsAsync(CancellationToken cancellationToken = default) => settings.GetAsync<SessionSettings>(cancellationToken);

    /// <summary>Starts a session of <paramref name="userId"/> and returns its id.</summary>
    public async Task<string> StartAsync(string userId, string securityStamp, string? clientAddress, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = RandomNumberGenerator.GetHexString(UserSession.IdLength, lowercase: true),
            UserId = userId,
            SecurityStamp = securityStamp,
            CreatedUtc = now,
            LastSeenUtc = now,
            ClientAddress = Cut(clientAddress, UserSession.ClientAddressLength),
            UserAgent = Cut(userAgent, UserSession.UserAgentLength),
        };
        db.Set<UserSession>().Add(session);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return session.Id;
    }

    /// <summary>
    /// After the account's stamp changed within a live session (the user changed their own password and
    /// was signed in again), the session carries on with the new stamp. False when the session is not live.
    /// </summary>
    public async Task<bool> RenewStampAsync(string sessionId, string userId, string securityStamp, CancellationToken cancellationToken = default) =>
        await db.Set<UserSession>()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SecurityStamp, securityStamp), cancellationToken)
            .ConfigureAwait(false) > 0;

    /// <summary>The live state of a session with its account's current stamp, in one indexed read.</summary>
    public Task<SessionState?> FindAsync(string sessionId, CancellationToken cancellationToken = default) =>
        db.Set<UserSession>()
            .Where(s => s.Id == sessionId)
            .Select(s => new SessionState(
                s.UserId,
                s.SecurityStamp,
                db.Set<PortalUser>().Where(u => u.Id == s.UserId).Select(u => u.SecurityStamp).FirstOrDefault(),
                s.CreatedUtc,
                s.LastSeenUtc,
                s.EndedUtc))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Records activity, at most once per <see cref="LastSeenResolution"/>.</summary>
    public async Task TouchAsync(string sessionId, SessionState state, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (now - state.LastSeenUtc >= LastSeenResolution)
        {
            await db.Set<UserSession>().Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenUtc, now), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The user's sessions that are still live: not ended, started with the account's current stamp and
    /// within the limits. Newest activity first.
    /// </summary>
    public async Task<IReadOnlyList<UserSession>> ListActiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        var limits = await LimitsAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var idleSince = now - limits.IdleTimeout;
        var startedSince = now - limits.AbsoluteTimeout;
        var stamp = db.Set<PortalUser>().Where(u => u.Id == userId).Select(u => u.SecurityStamp);
        return await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedUtc == null && s.LastSeenUtc > idleSince && s.CreatedUtc > startedSince)
            .Where(s => stamp.Contains(s.SecurityStamp))
            .OrderByDescending(s => s.LastSeenUtc)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Ends one session of <paramref name="userId"/>, or all of them when <paramref name="sessionId"/> is null;
    /// returns how many were live. Audited when <paramref name="audit"/> names the account.
    /// </summary>
    public async Task<int> EndAsync(string userId, string? sessionId, string reason, string endedBy, string? audit, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var ended = await db.Set<UserSession>()
            .Where(s => s.UserId == userId && s.EndedUtc == null && (sessionId == null || s.Id == sessionId))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.EndedUtc, now)
                .SetProperty(s => s.EndedBy, Cut(endedBy, UserSession.EndedByLength))
                .SetProperty(s => s.EndReason, reason), cancellationToken)
            .ConfigureAwait(false);
        if (ended > 0 && audit is not null)
        {
            await auditLog.WriteAsync(EndedAction, audit, $"{reason}: {(sessionId is null ? "all sessions" : "session " + sessionId[..8])}", cancellationToken).ConfigureAwait(false);
        }

        return ended;
    }

    private static string? Cut(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}

/// <summary>What the request path needs of a session row.</summary>
public sealed record SessionState(
    string UserId,
    string SessionStamp,
    string? AccountStamp,
    DateTimeOffset CreatedUtc,
    DateTimeOffset LastSeenUtc,
    DateTimeOffset? EndedUtc);
