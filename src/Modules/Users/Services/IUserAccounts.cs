namespace Portal.Modules.Users.Services;

/// <summary>
/// Accounts of the current tenant, for code outside the Users module (command line, other
/// modules, tests). Every change is written to the tenant's audit trail.
/// </summary>
public interface IUserAccounts
{
    /// <summary>Creates an account with the given password and roles; the roles must exist.</summary>
    Task<UserAccountResult> CreateUserAsync(string userName, string? email, string password, IEnumerable<string> roles);

    /// <summary>The account with this user name in the current tenant, or null.</summary>
    Task<UserAccount?> FindAsync(string userName);

    /// <summary>Replaces the account's password (e.g. a forgotten administrator password).</summary>
    Task<UserAccountResult> SetPasswordAsync(string userName, string password);
}

/// <summary>What other code may know of an account.</summary>
public sealed record UserAccount(string Id, string UserName, string? Email, IReadOnlyList<string> Roles, bool IsLockedOut);

/// <summary>The outcome of a change; <see cref="Errors"/> are Vietnamese, ready to show.</summary>
public sealed record UserAccountResult(bool Succeeded, string? UserId, IReadOnlyList<string> Errors)
{
    /// <summary>True when the privilege ceiling refused the change (answered 403, audited).</summary>
    public bool Forbidden { get; init; }

    public static UserAccountResult Success(string userId) => new(true, userId, []);

    public static UserAccountResult Failed(IEnumerable<string> errors) => new(false, null, errors.ToList());

    public static UserAccountResult Refused(string error) => new(false, null, [error]) { Forbidden = true };
}
