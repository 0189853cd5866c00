namespace Portal.Modules.Users.Services;

/// <summary>
/// How long an admin sign-in lives (<c>Portal:Sessions</c>). There is no per-tenant settings store
/// yet, so these are deployment-wide; they become tenant settings when one exists.
/// </summary>
public sealed class SessionLimits
{
    public const string Section = "Portal:Sessions";

    /// <summary>A sign-in unused for this long ends (the cookie slides while in use).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A sign-in ends this long after the password was given, however active.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(8);
}
