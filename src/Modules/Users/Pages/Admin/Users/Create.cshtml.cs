using Microsoft.AspNetCore.Mvc;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Users.Services;

namespace Portal.Modules.Users.Pages.Admin.Users;

[RequirePermission(nameof(Permissions.ManageUsers))]
public sealed class CreateModel(PrivilegeCeiling ceiling, UserAccounts accounts) : UserFormPageModel(ceiling)
{
    public override bool IsNew => true;

    public async Task OnGetAsync() => await LoadRolesAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Vui lòng nhập mật khẩu.");
        }

        if (ModelState.IsValid)
        {
            var result = await accounts.CreateUserAsync(Input.UserName, Input.Email, Input.Password!, Input.Roles);
            if (result.Succeeded)
            {
                TempData.AddSuccess($"Đã tạo người dùng {Input.UserName.Trim()}.");
                return RedirectToPage("Index");
            }

            AddErrors(result);
        }

        await LoadRolesAsync();
        return Page();
    }
}
