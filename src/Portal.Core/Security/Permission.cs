using Microsoft.AspNetCore.Authorization;

namespace Portal.Core.Security;

/// <summary>
/// A named right that roles grant. Declare as <c>static readonly</c> fields whose name is the
/// permission's <see cref="Name"/>, so <c>[RequirePermission(nameof(X.ManageTenants))]</c> is checked by the compiler.
/// </summary>
public sealed record Permission(string Name, string DisplayName, string Group)
{
    public string PolicyName => PermissionPolicies.Prefix + Name;
}

public static class PermissionPolicies
{
    public const string Prefix = "Permission:";

    /// <summary>The claim type that carries a granted permission (role claims).</summary>
    public const string ClaimType = "permission";

    /// <summary>Granted to the system administrators' role: every permission, including future modules'.</summary>
    public const string All = "*";
}

/// <summary>Requires the named permission; use <c>nameof</c> of the permission's field.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicies.Prefix + permission);
