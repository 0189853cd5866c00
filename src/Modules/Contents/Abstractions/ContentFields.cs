namespace Portal.Modules.Contents.Abstractions;

/// <summary>
/// Names of the field types editors can add to a content type without code. A field's value
/// is a JSON object shaped as the value class named beside each constant.
/// </summary>
public static class ContentFieldTypes
{
    /// <summary>One line of plain text: <see cref="TextField"/>.</summary>
    public const string Text = "Text";

    /// <summary>Several lines of plain text: <see cref="TextField"/>.</summary>
    public const string MultilineText = "MultilineText";

    /// <summary>Rich text (HTML), sanitised on save: <see cref="HtmlField"/>.</summary>
    public const string Html = "Html";

    /// <summary>A decimal number: <see cref="NumberField"/>.</summary>
    public const string Number = "Number";

    /// <summary>Yes or no: <see cref="BooleanField"/>.</summary>
    public const string Boolean = "Boolean";

    /// <summary>A calendar date (<see cref="DateOnly"/>, <c>yyyy-MM-dd</c>): <see cref="DateField"/>.</summary>
    public const string Date = "Date";

    /// <summary>An instant, stored in UTC: <see cref="DateTimeField"/>.</summary>
    public const string DateTime = "DateTime";

    /// <summary>A link (address and text): <see cref="LinkField"/>.</summary>
    public const string Link = "Link";

    /// <summary>A media library item (path or id, and alternative text): <see cref="MediaField"/>.</summary>
    public const string Media = "Media";

    /// <summary>Several media library items in order (attachments, photos of an album): <see cref="MediaListField"/>.</summary>
    public const string MediaList = "MediaList";

    /// <summary>Other content items, by id: <see cref="ContentPickerField"/>.</summary>
    public const string ContentPicker = "ContentPicker";

    /// <summary>Taxonomy terms, by id and name: <see cref="TaxonomyField"/>.</summary>
    public const string Taxonomy = "Taxonomy";
}

/// <summary><c>{"Text":"..."}</c>, for <see cref="ContentFieldTypes.Text"/> and <see cref="ContentFieldTypes.MultilineText"/>.</summary>
public sealed class TextField
{
    public string? Text { get; set; }
}

/// <summary><c>{"Html":"&lt;p&gt;...&lt;/p&gt;"}</c>; sanitised on save wherever it sits in the body.</summary>
public sealed class HtmlField
{
    [RichText]
    public string? Html { get; set; }
}

/// <summary><c>{"Value":12.5}</c>.</summary>
public sealed class NumberField
{
    public decimal? Value { get; set; }
}

/// <summary><c>{"Value":true}</c>.</summary>
public sealed class BooleanField
{
    public bool? Value { get; set; }
}

/// <summary><c>{"Value":"2026-03-02"}</c>: a calendar date, no time and no zone.</summary>
public sealed class DateField
{
    public DateOnly? Value { get; set; }
}

/// <summary>
/// <c>{"Value":"2026-03-02T01:00:00Z"}</c>: an instant, always stored in UTC. A value written
/// without an offset is read as Vietnam's time (Asia/Ho_Chi_Minh) and converted on save.
/// </summary>
public sealed class DateTimeField
{
    public DateTimeOffset? Value { get; set; }
}

/// <summary><c>{"Url":"https://...","Text":"..."}</c>; the address is http(s), mailto or a path starting with '/'.</summary>
public sealed class LinkField
{
    public string? Url { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// <c>{"Path":"anh/bia.jpg","MediaId":"...","Alt":"..."}</c>: a reference to an item of the media
/// library, kept as a plain value (path and/or id) with its alternative text.
/// </summary>
public sealed class MediaField
{
    public string? Path { get; set; }

    public string? MediaId { get; set; }

    public string? Alt { get; set; }
}

/// <summary>
/// <c>{"Items":[{"Path":"/media/bao-cao.pdf","MediaId":"...","Alt":"...","Name":"Báo cáo năm 2025"}]}</c>:
/// several items of the media library in order, each kept as a plain value like <see cref="MediaField"/>.
/// </summary>
public sealed class MediaListField
{
    public List<MediaListItem> Items { get; set; } = [];
}

/// <summary>One file of a <see cref="MediaListField"/>: its path and/or id, alternative text and the name shown for it.</summary>
public sealed class MediaListItem
{
    public string? Path { get; set; }

    public string? MediaId { get; set; }

    public string? Alt { get; set; }

    public string? Name { get; set; }
}

/// <summary><c>{"ContentItemIds":["...","..."]}</c>: other items of the same tenant, in order.</summary>
public sealed class ContentPickerField
{
    public List<string> ContentItemIds { get; set; } = [];
}

/// <summary><c>{"Terms":[{"Id":"...","Name":"Tài chính"}]}</c>: terms of a taxonomy, by id and name.</summary>
public sealed class TaxonomyField
{
    public List<TaxonomyTerm> Terms { get; set; } = [];
}

/// <summary>A taxonomy term: its id (when the taxonomy has one) and its name.</summary>
public sealed class TaxonomyTerm
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}
