using Portal.Modules.Contents.Abstractions;

namespace Portal.Modules.Contents.Admin;

/// <summary>The title: required, the first text input, which the list and the history show.</summary>
public sealed class TitlePartEditor : IContentPartEditor
{
    public IReadOnlyList<ContentPartInput> Inputs { get; } = [new(nameof(TitlePart.Title), "Tiêu đề", EditorKind.Text, Required: true)];
}

/// <summary>The address of the item, made from the title when left empty.</summary>
public sealed class RoutePartEditor : IContentPartEditor
{
    public IReadOnlyList<ContentPartInput> Inputs { get; } = [new(nameof(RoutePart.Path), "Đường dẫn", EditorKind.Slug)];
}

/// <summary>The body in the rich-text editor, after the short values.</summary>
public sealed class BodyPartEditor : IContentPartEditor
{
    public IReadOnlyList<ContentPartInput> Inputs { get; } = [new(nameof(BodyPart.Html), "Nội dung", EditorKind.RichText) { AfterFields = true }];
}
