using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Recipes;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Recipes;

/// <summary>
/// <c>{"name":"users","users":[{"userName":"admin","email":"...","password":"{{adminPassword}}","roles":["Quản trị hệ thống"]}]}</c>:
/// creates missing users with their password and roles. An existing user is left as it is,
/// so running the recipe again never resets a password someone has since changed.
/// </summary>
public sealed class UsersRecipeStep(IOptions<IdentityOptions> identityOptions) : IRecipeStep
{
    private static readonly IdentityErrorDescriber English = new();
    private static readonly IdentityErrorDescriber Vietnamese = new VietnameseIdentityErrorDescriber();

    public string Name => "users";

    public IEnumerable<RecipeError> Validate(JsonElement step)
    {
        var errors = new List<RecipeError>();
        foreach (var (where, user) in StepItems.Read(step, "users", "userName", errors))
        {
            errors.AddIfAny(StepItems.OptionalString(user, "email", where));
            errors.AddIfAny(StepItems.OptionalStrings(user, "roles", where));
            errors.AddIfAny(user.RequireString("password", where));
            if (user.GetString("password") is not { Length: > 0 } password)
            {
                continue;
            }

            if (password.Contains("{{", StringComparison.Ordinal))
            {
                errors.Add(new RecipeError(
                    $"{where}: the password variable {password} was not given",
                    $"{where}: chưa cung cấp giá trị cho biến mật khẩu {password}"));
                continue;
            }

            var options = identityOptions.Value.Password;
            var english = PasswordRules.Check(password, options, English);
            var vietnamese = PasswordRules.Check(password, options, Vietnamese);
            errors.AddRange(english.Zip(vietnamese, (en, vi) => new RecipeError(
                $"{where}: weak password: {en.Description}",
                $"{where}: mật khẩu chưa đủ mạnh: {vi.Description}")));
        }

        return errors;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var accounts = context.Services.GetRequiredService<IUserAccounts>();
        foreach (var item in context.Step.GetArray("users"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var userName = item.GetString("userName")!.Trim();
            if (await accounts.FindAsync(userName).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var result = await accounts.CreateUserAsync(userName, item.GetString("email"), item.GetString("password")!, item.GetStrings("roles")).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var reasons = string.Join(" ", result.Errors);
                throw new RecipeException("users", [new RecipeError(
                    $"user '{userName}' could not be created: {reasons}",
                    $"không tạo được người dùng '{userName}': {reasons}")]);
            }
        }
    }
}
