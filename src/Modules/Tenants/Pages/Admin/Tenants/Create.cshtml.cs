using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Core.Admin;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Tenancy;
using Portal.Modules.Tenants.Services;

namespace Portal.Modules.Tenants.Pages.Admin.Tenants;

/// <summary>Creates a component site from a recipe; the provisioner derives the host label and checks everything.</summary>
[RequirePermission(nameof(Permissions.ManageTenants))]
public sealed class CreateModel(
    ICurrentTenant currentTenant,
    TenantProvisioner provisioner,
    IRecipeStore recipes,
    IOptions<TenantsOptions> options)
    : TenantsAdminPageModel(currentTenant)
{
    public static readonly TenantKind[] Kinds = [TenantKind.Department, TenantKind.Commune, TenantKind.Organisation];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<RecipeDocument> Recipes { get; } =
        [.. recipes.List().Where(r => !TenantProvisioner.ProvinceOnlyRecipes.Contains(r.Name, StringComparer.OrdinalIgnoreCase))];

    public string BaseDomain => provisioner.BaseDomain;

    public void OnGet() => Input.Recipe = options.Value.ComponentSiteRecipe;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Recipes.Any(r => string.Equals(r.Name, Input.Recipe, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Recipe)}", "Vui lòng chọn một kịch bản trong danh sách.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var request = new CreateTenantRequest(Input.DisplayName, Input.Kind)
        {
            Label = Input.Label,
            Recipe = Input.Recipe,
            UrlPrefix = Input.UrlPrefix,
        };

        // No request-abort token: once the tenant row is written its recipe must run to the end.
        var result = await provisioner.CreateAsync(request, ActingTenant);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Page();
        }

        var tenant = result.Tenant!;
        var address = SiteUrls(tenant) is [var first, ..] ? first : tenant.Name;
        TempData.AddSuccess(result.InitialAdminPassword is { } password
            ? $"Đã tạo trang {tenant.DisplayName} tại {address}. Tài khoản quản trị của trang: admin, mật khẩu: {password} (chỉ hiển thị một lần, hãy chuyển cho quản trị viên của đơn vị và đổi sau lần đăng nhập đầu)."
            : $"Đã tạo trang {tenant.DisplayName} tại {address}");
        return RedirectToPage("Index");
    }

    public sealed class InputModel
    {
        [Display(Name = "Tên đơn vị")]
        [Required(ErrorMessage = "Vui lòng nhập tên đơn vị.")]
        [StringLength(256, ErrorMessage = "Tên đơn vị dài tối đa 256 ký tự.")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "Loại")]
        [AllowedValues(TenantKind.Department, TenantKind.Commune, TenantKind.Organisation, ErrorMessage = "Vui lòng chọn loại đơn vị.")]
        public TenantKind Kind { get; set; } = TenantKind.Department;

        [Display(Name = "Tên miền con")]
        [StringLength(HostLabel.MaxLength, ErrorMessage = "Tên miền con dài tối đa 63 ký tự.")]
        public string? Label { get; set; }

        [Display(Name = "Kịch bản")]
        [Required(ErrorMessage = "Vui lòng chọn kịch bản.")]
        public string Recipe { get; set; } = "";

        [Display(Name = "Tiền tố đường dẫn")]
        [StringLength(HostLabel.MaxLength, ErrorMessage = "Tiền tố đường dẫn dài tối đa 63 ký tự.")]
        public string? UrlPrefix { get; set; }
    }
}
