using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Recipes;
using Portal.Modules.Users.Services;
using Portal.Modules.Users.Settings;

namespace Portal.Modules.Users.Recipes;

/// <summary>
/// <c>{"name":"users","users":[{"userName":"admin","email":"...","password":"{{adminPassword}}","roles":["Quản trị hệ thống"]}]}</c>:
/// creates missing users with their password and roles. An existing user is left as it is,
/// so running the recipe again never resets a password someone has since changed. A password
/// variable that was not given, or a password breaking the default rules, is refused before anything
/// runs (the tenant's own rules, which an earlier <c>settings</c> step may set, are checked when the
/// account is created). An account given a password the run generated must change it at its first
/// sign-in, and the password is handed to the operator through <see cref="RecipeRun.IssuedPasswords"/>.
/// </summary>
public sealed class UsersRecipeStep : RecipeStep<UsersRecipeStep.Body>
{
    private static readonly IdentityErrorDescriber English = new();
    private static readonly IdentityErrorDescriber Vietnamese = new VietnameseIdentityErrorDescriber();

    public sealed record Body(IReadOnlyList<User> Users);

    public sealed record User(string UserName, string Password, string? Email = null, IReadOnlyList<string>? Roles = null);

    public override string Name => "users";

    protected override void Validate(Body body, RecipeValidationContext context)
    {
        context.RequireUnique("users", body.Users, u => u.UserName, "userName", StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < body.Users.Count; i++)
        {
            var password = body.Users[i].Password;
            var path = $"users[{i}].password";
            if (password.Contains("{{", StringComparison.Ordinal))
            {
                context.Error(path, $"the password variable {password} was not given", $"chưa cung cấp giá trị cho biến mật khẩu {password}");
                continue;
            }

            var rules = new PasswordSettings();
            var english = PasswordRules.Check(password, rules, English);
            var vietnamese = PasswordRules.Check(password, rules, Vietnamese);
            foreach (var (en, vi) in english.Zip(vietnamese))
            {
                context.Error(path, $"weak password: {en.Description}", $"mật khẩu chưa đủ mạnh: {vi.Description}");
            }
        }
    }

    protected override async Task ExecuteAsync(Body body, RecipeStepContext context, CancellationToken cancellationToken)
    {
        var accounts = context.Services.GetRequiredService<IUserAccounts>();
        for (var i = 0; i < body.Users.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var user = body.Users[i];
            var userName = user.UserName.Trim();
            if (await accounts.FindAsync(userName).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var generated = context.Run.GeneratedPasswords.Contains(user.Password);
            var result = await accounts.CreateUserAsync(userName, user.Email, user.Password, user.Roles ?? [], mustChangePassword: generated).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var reasons = string.Join(" ", result.Errors);
                throw new RecipeException(Name, [context.Error($"users[{i}]",
                    $"user '{userName}' could not be created: {reasons}",
                    $"không tạo được người dùng '{userName}': {reasons}")]);
            }

            if (generated)
            {
                context.Run.IssuedPasswords.Add(new IssuedPassword(context.Tenant, userName, user.Password));
            }
        }
    }
}
