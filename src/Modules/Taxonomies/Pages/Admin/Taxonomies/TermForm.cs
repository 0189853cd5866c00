using System.ComponentModel.DataAnnotations;
using Portal.Modules.Taxonomies.Abstractions;
using Portal.Modules.Taxonomies.Services;

namespace Portal.Modules.Taxonomies.Pages.Admin.Taxonomies;

/// <summary>The fields of a term as the add and edit forms post them.</summary>
public sealed class TermForm
{
    [Display(Name = "Tên")]
    public string? Name { get; set; }

    [Display(Name = "Đường dẫn (slug)")]
    public string? Slug { get; set; }

    [Display(Name = "Mô tả")]
    public string? Description { get; set; }

    [Display(Name = "Thuộc thuật ngữ cha")]
    public string? ParentId { get; set; }

    public TermInput ToInput() => new(Name, Slug, Description, ParentId);

    public static TermForm From(TaxonomyTermInfo term) =>
        new() { Name = term.Name, Slug = term.Slug, Description = term.Description, ParentId = term.ParentId };

    /// <summary>A term's name as a choice of a list, indented by its depth.</summary>
    public static string Indented(TaxonomyTermInfo term) => string.Concat(Enumerable.Repeat("— ", term.Depth)) + term.Name;
}
