using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Modules.Users.Services;

/// <summary>
/// How long an admin sign-in lives (<c>Portal:Sessions</c>). There is no per-tenant settings store
/// yet, so these are deployment-wide; they become tenant settings when one exists.
/// </summary>
public sealed class SessionLimits
{
    public const string Section = "Portal:Sessions";

    /// <summary>The longest idle timeout a tenant may choose; the cookie itself lives this long without use.</summary>
    public static readonly TimeSpan MaxIdleTimeout = TimeSpan.FromHours(12);

    /// <summary>A sign-in unused for this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A sign-in ends this long after the password was given, however active.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The limits of the current tenant.</summary>
    public static ValueTask<SessionLimits> ForCurrentTenantAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(services.GetRequiredService<IOptions<SessionLimits>>().Value);
}
