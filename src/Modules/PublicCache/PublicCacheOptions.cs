namespace Portal.Modules.PublicCache;

/// <summary><c>Portal:PublicCache</c>: the output cache of anonymous public pages and the visit counter.</summary>
public sealed class PublicCacheOptions
{
    public const string Section = "Portal:PublicCache";

    /// <summary>Serve anonymous public pages from memory (the visit counter counts either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a cached page is served at most; evictions end it sooner.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A response larger than this is not cached.</summary>
    public int MaxPageBytes { get; set; } = 1024 * 1024;

    /// <summary>The memory all cached pages of this node may take; beyond it new pages are not stored until some expire or are evicted.</summary>
    public long MaxTotalBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>How often a node reads the stored eviction generations (evictions made by other nodes).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often counted visits are added to the database.</summary>
    public TimeSpan VisitFlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A client seen within this window counts as online.</summary>
    public TimeSpan OnlineWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the stored visit figures are served from memory.</summary>
    public TimeSpan VisitReadInterval { get; set; } = TimeSpan.FromSeconds(5);
}
