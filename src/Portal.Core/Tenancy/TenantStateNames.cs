namespace Portal.Core.Tenancy;

/// <summary>Vietnamese names of tenant states, for the admin and the command line.</summary>
public static class TenantStateNames
{
    public static string ToVietnamese(this TenantState state) => state switch
    {
        TenantState.Running => "Đang hoạt động",
        TenantState.Disabled => "Tạm ngừng",
        _ => state.ToString(),
    };
}
