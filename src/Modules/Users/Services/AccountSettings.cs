using Portal.Modules.Users.Settings;

namespace Portal.Modules.Users.Services;

/// <summary>The current tenant's password and two-factor settings, for the module's services and pages.</summary>
public sealed class AccountSettings
{
    public ValueTask<PasswordSettings> PasswordsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(new PasswordSettings());

    public ValueTask<TwoFactorSettings> TwoFactorAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(new TwoFactorSettings());
}
