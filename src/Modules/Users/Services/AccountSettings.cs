using Portal.Core.Settings;
using Portal.Modules.Users.Settings;

namespace Portal.Modules.Users.Services;

/// <summary>The current tenant's password and two-factor settings, for the module's services and pages.</summary>
public sealed class AccountSettings(ITenantSettings settings)
{
    public ValueTask<PasswordSettings> PasswordsAsync(CancellationToken cancellationToken = default) => settings.GetAsync<PasswordSettings>(cancellationToken);

    public ValueTask<TwoFactorSettings> TwoFactorAsync(CancellationToken cancellationToken = default) => settings.GetAsync<TwoFactorSettings>(cancellationToken);
}
