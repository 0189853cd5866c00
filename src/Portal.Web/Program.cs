using Portal.Web.CommandLine;
using Portal.Web.Hosting;
using Portal.Web.Setup;

// `dotnet run --project src/Portal.Web -- tenants ...` (or `audit ...`) runs an operator command instead of the site.
var isCommand = OperatorCommands.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
builder.AddPortal(commandLine: isCommand);
var app = builder.Build();

if (isCommand)
{
    try
    {
        await app.InitializeForCommandAsync();
    }
    catch (SetupException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        await app.DisposeAsync();
        return 1;
    }

    var exitCode = await OperatorCommands.RunAsync(app.Services, args, CommandConsole.Standard());
    await app.DisposeAsync();
    return exitCode;
}

SetupResult setup;
try
{
    setup = await app.InitializePortalAsync();
}
catch (SetupException ex)
{
    // An expected refusal (weak password, bad recipe, unprotected keys): the reason, in Vietnamese, without a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    await app.DisposeAsync();
    return 1;
}

app.UsePortal();
app.PrintWelcomeOnStart(setup);
await app.RunAsync();
return 0;

/// <summary>The web host's entry point (also used by the integration tests' WebApplicationFactory).</summary>
public partial class Program;
