using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Security;
using Portal.Modules.Media.Endpoints;
using Portal.Modules.Media.Models;
using Portal.Modules.Media.Services;

namespace Portal.Modules.Media.Pages.Admin.Media;

/// <summary>The library: a folder's subfolders and files, search, paging; uploads go through the JSON API (media-admin.js).</summary>
[RequirePermission(nameof(Permissions.ViewMedia))]
public sealed class IndexModel(IMediaLibrary library, IOptions<MediaOptions> options) : PageModel
{
    public long MaxFileBytes => options.Value.MaxFileBytes;

    [BindProperty(SupportsGet = true, Name = "f")]
    public long FolderId { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    // "page" is a reserved route value in Razor Pages, hence "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public string? FolderName { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ErrorMessage { get; private set; }

    public IReadOnlyList<MediaFolder> Path { get; private set; } = [];

    public IReadOnlyList<MediaFolder> Folders { get; private set; } = [];

    public PagedResult<MediaItem> Items { get; private set; } = new([], 1, MediaApiEndpoints.PageSize, 0);

    public bool IsSearch => !string.IsNullOrWhiteSpace(Search);

    public bool CanUpload => User.HasPermission(Permissions.UploadMedia.Name);

    public bool CanManage => User.HasPermission(Permissions.ManageMedia.Name);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateFolderAsync()
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await library.CreateFolderAsync(FolderId, FolderName, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            StatusMessage = $"Đã tạo thư mục \"{result.Value!.Name}\".";
            return RedirectToPage(new { f = FolderId });
        }

        ErrorMessage = result.Error;
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteFolderAsync(long id)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await library.DeleteFolderAsync(id, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            StatusMessage = $"Đã xóa thư mục \"{result.Value!.Name}\".";
            return RedirectToPage(new { f = result.Value.ParentId });
        }

        ErrorMessage = result.Error;
        return await LoadAsync() ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await library.GetFolderPathAsync(FolderId, cancellationToken) is not { } path)
        {
            return false;
        }

        Path = path;
        Folders = IsSearch ? [] : await library.GetFoldersAsync(FolderId, cancellationToken);
        Items = await library.SearchAsync(new MediaQuery(IsSearch ? null : FolderId, Search, PageNumber, MediaApiEndpoints.PageSize), cancellationToken);
        return true;
    }

    public string? PageUrl(int page) => Url.Page("/Admin/Media/Index", new { f = FolderId == MediaFolder.Root ? (long?)null : FolderId, q = IsSearch ? Search : null, p = page });
}
