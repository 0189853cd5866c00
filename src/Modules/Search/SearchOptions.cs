namespace Portal.Modules.Search;

/// <summary>Settings under <c>Portal:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Portal:Search";

    /// <summary>Searches (requests of <c>/tim-kiem</c> with a query) one client may make per minute on one site; 429 beyond.</summary>
    public int SearchesPerMinute { get; set; } = 120;
}
