namespace Portal.Modules.Contents.Abstractions;

/// <summary>How a value is edited in the generic content editor.</summary>
public enum EditorKind
{
    Text,
    Multiline,
    RichText,
    Number,
    Boolean,
    Date,
    DateTime,
    Link,
    Slug,

    /// <summary>A list of ids (content picker), one per line until its picker exists.</summary>
    List,

    /// <summary>Taxonomy terms by name, one per line until the taxonomy picker exists.</summary>
    Terms,

    /// <summary>A media library path; the media picker fills it when the Media module is there.</summary>
    Media,
}
