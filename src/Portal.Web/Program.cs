using Portal.Web.CommandLine;
using Portal.Web.Hosting;

// `dotnet run --project src/Portal.Web -- tenants ...` runs an operator command instead of the site.
var isCommand = args.Length > 0 && args[0] == "tenants";
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
builder.AddPortal();
var app = builder.Build();

var setup = await app.InitializePortalAsync();
if (isCommand)
{
    return await TenantsCommand.RunAsync(app.Services, args[1..], Console.Out);
}

app.UsePortal();
app.PrintWelcomeOnStart(setup);
await app.RunAsync();
return 0;

/// <summary>The web host's entry point (also used by the integration tests' WebApplicationFactory).</summary>
public partial class Program;
