using Microsoft.AspNetCore.Identity;

namespace Portal.Modules.Users.Services;

/// <summary>
/// The password policy checked without a user manager, so a recipe can be refused before any
/// step runs. Mirrors Identity's PasswordValidator for the options the portal sets.
/// </summary>
public static class PasswordRules
{
    public static IReadOnlyList<IdentityError> Check(string password, PasswordOptions options, IdentityErrorDescriber describer)
    {
        var errors = new List<IdentityError>();
        if (password.Length < options.RequiredLength)
        {
            errors.Add(describer.PasswordTooShort(options.RequiredLength));
        }

        if (options.RequireDigit && !password.Any(char.IsAsciiDigit))
        {
            errors.Add(describer.PasswordRequiresDigit());
        }

        if (options.RequireLowercase && !password.Any(char.IsAsciiLetterLower))
        {
            errors.Add(describer.PasswordRequiresLower());
        }

        if (options.RequireUppercase && !password.Any(char.IsAsciiLetterUpper))
        {
            errors.Add(describer.PasswordRequiresUpper());
        }

        if (options.RequireNonAlphanumeric && password.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add(describer.PasswordRequiresNonAlphanumeric());
        }

        if (password.Distinct().Count() < options.RequiredUniqueChars)
        {
            errors.Add(describer.PasswordRequiresUniqueChars(options.RequiredUniqueChars));
        }

        return errors;
    }

    /// <summary>The policy in one Vietnamese sentence, for people choosing a password.</summary>
    public static string Describe(PasswordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = new List<string> { $"ít nhất {options.RequiredLength} ký tự" };
        if (options.RequireUppercase)
        {
            rules.Add("một chữ hoa (A-Z)");
        }

        if (options.RequireLowercase)
        {
            rules.Add("một chữ thường (a-z)");
        }

        if (options.RequireDigit)
        {
            rules.Add("một chữ số (0-9)");
        }

        if (options.RequireNonAlphanumeric)
        {
            rules.Add("một ký tự đặc biệt");
        }

        if (options.RequiredUniqueChars > 1)
        {
            rules.Add($"{options.RequiredUniqueChars} ký tự khác nhau");
        }

        return "Mật khẩu cần có " + string.Join(", ", rules[..^1]) + (rules.Count > 1 ? " và " : "") + rules[^1] + ".";
    }
}
