namespace Portal.Core.Tenancy;

/// <summary>Vietnamese names of tenant kinds, for pages and the admin.</summary>
public static class TenantKindNames
{
    public static string ToVietnamese(this TenantKind kind) => kind switch
    {
        TenantKind.Province => "Cổng Thông tin điện tử tỉnh",
        TenantKind.Department => "Sở, ban, ngành",
        TenantKind.Commune => "Xã, phường",
        TenantKind.Organisation => "Cơ quan, tổ chức",
        _ => kind.ToString(),
    };
}
