using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Modules.Media.Models;
using Portal.Modules.Media.Services;

namespace Portal.Modules.Media.Pages.Admin.Media;

/// <summary>One file: preview, addresses, alternative text, deletion.</summary>
[RequirePermission(nameof(Permissions.ViewMedia))]
public sealed class EditModel(IMediaLibrary library) : PageModel
{
    public MediaItem Item { get; private set; } = null!;

    [BindProperty]
    public string? Alt { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ErrorMessage { get; private set; }

    public bool CanUpload => User.HasPermission(Permissions.UploadMedia.Name);

    public bool CanManage => User.HasPermission(Permissions.ManageMedia.Name);

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await library.FindAsync(id, HttpContext.RequestAborted) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        Alt = item.Alt;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!CanUpload)
        {
            return Forbid();
        }

        var result = await library.SetAltAsync(id, Alt, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        StatusMessage = "Đã lưu mô tả ảnh.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await library.DeleteAsync(id, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        StatusMessage = $"Đã xóa tệp \"{result.Value!.OriginalFileName}\".";
        return RedirectToPage("/Admin/Media/Index", new { f = result.Value.FolderId == MediaFolder.Root ? (long?)null : result.Value.FolderId });
    }
}
