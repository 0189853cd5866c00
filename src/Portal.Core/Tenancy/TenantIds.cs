namespace Portal.Core.Tenancy;

public static class TenantIds
{
    /// <summary>32 hex characters of a version 7 GUID.</summary>
    public const int MaxLength = 32;

    /// <summary>A new, never reused tenant id; time-ordered so inserts stay local in indexes.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");
}
