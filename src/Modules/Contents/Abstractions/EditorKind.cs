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

    /// <summary>
    /// Taxonomy terms, one per line (<c>id|name</c>, or a name alone); checkboxes of the field's
    /// taxonomy when an <see cref="ITaxonomyTermSource"/> is there.
    /// </summary>
    Terms,

    /// <summary>A media library path; the media picker fills it when the Media module is there.</summary>
    Media,

    /// <summary>Several media library files, one per line (<c>path | alt | name | id</c>); the media picker adds lines.</summary>
    MediaList,
}
