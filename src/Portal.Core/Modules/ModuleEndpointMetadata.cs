namespace Portal.Core.Modules;

/// <summary>Endpoint metadata naming the module an endpoint belongs to.</summary>
public sealed record ModuleEndpointMetadata(string ModuleName, bool IsAlwaysEnabled);
