using Microsoft.AspNetCore.Identity;
using Portal.Modules.Users.Settings;

namespace Portal.Modules.Users.Services;

/// <summary>
/// The one implementation of a tenant's password rules (<see cref="PasswordSettings"/>): used by the
/// password validator of every account change, and without a user manager by the recipe step and the
/// first run, so they can refuse a weak password before anything is written.
/// </summary>
public static class PasswordRules
{
    public static IReadOnlyList<IdentityError> Check(string password, PasswordSettings rules, IdentityErrorDescriber describer)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(describer);
        var errors = new List<IdentityError>();
        if (password.Length < rules.MinimumLength)
        {
            errors.Add(describer.PasswordTooShort(rules.MinimumLength));
        }

        if (rules.RequireDigit && !password.Any(char.IsAsciiDigit))
        {
            errors.Add(describer.PasswordRequiresDigit());
        }

        if (rules.RequireLowercase && !password.Any(char.IsAsciiLetterLower))
        {
            errors.Add(describer.PasswordRequiresLower());
        }

        if (rules.RequireUppercase && !password.Any(char.IsAsciiLetterUpper))
        {
            errors.Add(describer.PasswordRequiresUpper());
        }

        if (rules.RequireNonAlphanumeric && password.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add(describer.PasswordRequiresNonAlphanumeric());
        }

        return errors;
    }

    /// <summary>The rules in one Vietnamese sentence, for people choosing a password.</summary>
    public static string Describe(PasswordSettings rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var parts = new List<string> { $"ít nhất {rules.MinimumLength} ký tự" };
        if (rules.RequireUppercase)
        {
            parts.Add("một chữ hoa (A-Z)");
        }

        if (rules.RequireLowercase)
        {
            parts.Add("một chữ thường (a-z)");
        }

        if (rules.RequireDigit)
        {
            parts.Add("một chữ số (0-9)");
        }

        if (rules.RequireNonAlphanumeric)
        {
            parts.Add("một ký tự đặc biệt");
        }

        var sentence = "Mật khẩu cần có " + string.Join(", ", parts[..^1]) + (parts.Count > 1 ? " và " : "") + parts[^1] + ".";
        if (rules.HistoryCount > 0)
        {
            sentence += $" Không được dùng lại {rules.HistoryCount} mật khẩu gần nhất.";
        }

        return sentence;
    }
}
