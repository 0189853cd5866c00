using Portal.Core.Tenancy;

namespace Portal.Modules.PublicCache.Models;

/// <summary>Page views of a tenant on one day (Vietnam date), added to by every node's flushes.</summary>
public sealed class VisitDay : ITenantOwned
{
    public const string TableName = "VisitDays";

    public string TenantId { get; set; } = "";

    public DateOnly Day { get; set; }

    public long Count { get; set; }
}

/// <summary>How many distinct clients one node saw on a tenant in the last minutes, as of <see cref="SeenUtc"/>.</summary>
public sealed class VisitOnline : ITenantOwned
{
    public const string TableName = "VisitOnline";
    public const int NodeMaxLength = 64;

    public string TenantId { get; set; } = "";

    public string Node { get; set; } = "";

    public int Online { get; set; }

    public DateTimeOffset SeenUtc { get; set; }
}
