using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Admin;
using Portal.Core.Security;
using Portal.Modules.Contents.Abstractions;
using Portal.Modules.Contents.Admin;
using Portal.Modules.Contents.Models;

namespace Portal.Modules.Contents.Pages.Admin.Contents;

/// <summary>
/// The create and edit pages: the type's inputs, the save and publish commands, what to show
/// after a refused save (the typed values, Vietnamese messages, what changed meanwhile) and the
/// autosave endpoint. Nothing typed is lost: a refused save re-renders the posted values.
/// </summary>
public abstract class EditorPageModel(ContentAdmin admin) : ContentsPageModel
{
    public const string PublishCommand = "publish";

    /// <summary>Form name of the checkboxes of a Taxonomy field's terms: <c>terms[Categories.Terms]</c>, one value (a term id) per ticked box.</summary>
    public const string TermsFormName = "terms";

    /// <summary>Form name of the marker a term picker posts, so that no box ticked means no terms.</summary>
    public const string TermPickerFormName = "term-picker";

    /// <summary>TempData key of the autosave key whose browser copy the saved page clears.</summary>
    public const string SavedKey = "ContentSavedAutosaveKey";

    /// <summary>The typed values by editor field key; posted as <c>v[TitlePart.Title]</c>.</summary>
    [BindProperty(Name = "v")]
    public Dictionary<string, string?> Values { get; set; } = [];

    /// <summary>The version the editor opened; a save over a newer one is refused.</summary>
    [BindProperty]
    public string? ExpectedVersionId { get; set; }

    protected ContentAdmin Admin => admin;

    public ContentTypeDefinition Type { get; protected set; } = new();

    public IReadOnlyList<EditorField> Fields { get; protected set; } = [];

    /// <summary>The item's latest version; null on the create page.</summary>
    public ContentItem? Latest { get; protected set; }

    /// <summary>Set when the save was refused because someone saved a newer version.</summary>
    public ContentItem? ConflictVersion { get; private set; }

    public IReadOnlyList<ContentChange> ConflictChanges { get; private set; } = [];

    /// <summary>The form-wide error (a refused permission), shown above the form.</summary>
    public string? FormError { get; protected set; }

    /// <summary>An autosave of this user newer than what the page shows, offered back.</summary>
    public ContentAutosave? Autosave { get; private set; }

    public bool CanPublish => User.HasPermission(Permissions.PublishContent.Name);

    public bool CanDelete => User.HasPermission(Permissions.DeleteContent.Name);

    /// <summary>Key of this editor's autosave (server row and browser copy).</summary>
    public string AutosaveKey => Latest?.ContentItemId ?? ContentAdmin.NewKey(Type.Name);

    public string ValueOf(EditorField field) => Values.GetValueOrDefault(field.Key) ?? "";

    public string ErrorOf(EditorField field) =>
        ModelState.TryGetValue($"v[{field.Key}]", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : "";

    /// <summary>The autosaved values as JSON for the editor's script (a data block, never executed).</summary>
    public string AutosaveJson => Autosave is null
        ? "null"
        : JsonSerializer.Serialize(new { savedAt = Time(Autosave.SavedUtc), values = JsonSerializer.Deserialize<Dictionary<string, string?>>(Autosave.Values) });

    protected void ShowValuesOf(ContentItem item)
    {
        Values = Fields.ToDictionary(f => f.Key, f => (string?)f.Read(item.Data));
        ExpectedVersionId = item.ContentItemVersionId;
    }

    protected async Task LoadAutosaveAsync(CancellationToken cancellationToken)
    {
        var saved = await admin.FindAutosaveAsync(AutosaveKey, cancellationToken);
        // Only an autosave made on the version shown (and after it) is still the user's latest text.
        if (saved is not null && saved.BaseVersionId == Latest?.ContentItemVersionId && (Latest is null || saved.SavedUtc > Latest.ModifiedUtc))
        {
            Autosave = saved;
        }
    }

    /// <summary>Saves the posted values; on success redirects to the item's edit page, else shows the form again.</summary>
    protected async Task<IActionResult> SaveAsync(string? command, CancellationToken cancellationToken)
    {
        var publish = command == PublishCommand;
        if (publish && !CanPublish)
        {
            await admin.AuditDeniedAsync(ContentAdminActions.Publish, Latest?.ContentItemId, cancellationToken);
            return Refused("Bạn không có quyền xuất bản nội dung. Nội dung chưa được lưu; những gì bạn đã nhập vẫn còn dưới đây.");
        }

        await ReadPickedTermsAsync(cancellationToken);
        var outcome = await admin.SaveAsync(Type, Latest, Values, ExpectedVersionId, publish, cancellationToken);
        if (outcome.Saved is { } saved)
        {
            TempData.AddSuccess(publish ? $"Đã lưu và xuất bản \"{saved.DisplayText}\"." : $"Đã lưu bản nháp \"{saved.DisplayText}\" (phiên bản {saved.Number}).");
            TempData[SavedKey] = AutosaveKey;
            if (RemovedNotice(outcome.RemovedMarkup) is { } notice)
            {
                TempData[RemovedKey] = notice;
            }

            return RedirectToPage("Edit", new { id = saved.ContentItemId });
        }

        foreach (var (key, message) in outcome.Errors)
        {
            ModelState.AddModelError($"v[{key}]", message);
        }

        if (outcome.Conflict is { } conflict)
        {
            ConflictVersion = conflict;
            ConflictChanges = outcome.ConflictChanges;
            // Saving again is a deliberate choice to replace that version with the text kept here.
            ExpectedVersionId = conflict.ContentItemVersionId;
            ModelState.Remove(nameof(ExpectedVersionId));
        }

        if (RemovedNotice(outcome.RemovedMarkup) is { } removed)
        {
            ViewData[RemovedKey] = removed;
        }

        return Page();
    }

    /// <summary>
    /// A Taxonomy field shown as checkboxes posts the ids of the ticked terms: they become its lines
    /// <c>id|name</c>, each name the tenant's current one; an id that is not a term of the field's taxonomy is dropped.
    /// </summary>
    private async Task ReadPickedTermsAsync(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType || HttpContext.RequestServices.GetService<ITaxonomyTermSource>() is not { } source)
        {
            return;
        }

        foreach (var field in Fields.Where(f => f.Kind == EditorKind.Terms && f.Taxonomy is not null && Request.Form.ContainsKey($"{TermPickerFormName}[{f.Key}]")))
        {
            var ticked = Request.Form[$"{TermsFormName}[{field.Key}]"].OfType<string>().ToHashSet(StringComparer.Ordinal);
            var terms = await source.GetTermsAsync(field.Taxonomy!, cancellationToken);
            Values[field.Key] = string.Join('\n', terms.Where(t => ticked.Contains(t.Id)).Select(t => $"{t.Id}{EditorField.TermSeparator}{t.Name}"));
        }
    }

    /// <summary>Answers 403 on the same page, the typed values kept.</summary>
    protected IActionResult Refused(string message)
    {
        FormError = message;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>Keeps the user's text on the server while they type (not a version).</summary>
    protected async Task<IActionResult> AutosaveAsync(CancellationToken cancellationToken)
    {
        await ReadPickedTermsAsync(cancellationToken);
        await admin.SaveAutosaveAsync(AutosaveKey, Latest?.ContentItemVersionId, Values, cancellationToken);
        return new JsonResult(new { savedAt = Time(DateTimeOffset.UtcNow) });
    }

    protected void UseType(ContentTypeDefinition type)
    {
        Type = type;
        Fields = admin.FieldsOf(type);
    }
}

/// <summary>Names of the admin's actions in refusal entries of the audit trail.</summary>
public static class ContentAdminActions
{
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Remove = "remove";
    public const string Restore = "restore";
}
