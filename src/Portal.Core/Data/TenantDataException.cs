namespace Portal.Core.Data;

/// <summary>Thrown when a unit of work tries to write a row that belongs to another tenant, or writes with no tenant.</summary>
public sealed class TenantDataException(string message) : InvalidOperationException(message);
