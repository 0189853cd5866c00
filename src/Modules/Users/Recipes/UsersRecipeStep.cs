using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Recipes;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Recipes;

/// <summary>
/// <c>{"name":"users","users":[{"userName":"admin","email":"...","password":"{{adminPassword}}","roles":["Quản trị hệ thống"]}]}</c>:
/// creates missing users with their password and roles. An existing user is left as it is,
/// so running the recipe again never resets a password someone has since changed. A password
/// variable that was not given, or a weak password, is refused before anything runs.
/// </summary>
public sealed class UsersRecipeStep(IOptions<IdentityOptions> identityOptions) : RecipeStep<UsersRecipeStep.Body>
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

            var options = identityOptions.Value.Password;
            var english = PasswordRules.Check(password, options, English);
            var vietnamese = PasswordRules.Check(password, options, Vietnamese);
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

            var result = await accounts.CreateUserAsync(userName, user.Email, user.Password, user.Roles ?? []).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var reasons = string.Join(" ", result.Errors);
                throw new RecipeException(Name, [context.Error($"users[{i}]",
                    $"user '{userName}' could not be created: {reasons}",
                    $"không tạo được người dùng '{userName}': {reasons}")]);
            }
        }
    }
}
