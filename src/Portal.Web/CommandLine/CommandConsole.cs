namespace Portal.Web.CommandLine;

/// <summary>
/// Where a command writes (results to <see cref="Out"/>, problems to <see cref="Error"/>) and
/// the folder its relative paths are read from.
/// </summary>
public sealed record CommandConsole(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    /// <summary>The process's console, with paths relative to the folder the operator started it from.</summary>
    public static CommandConsole Standard() => new(Console.Out, Console.Error, StartDirectory());

    /// <summary>
    /// The shell's working directory. <c>dotnet run --project src/Portal.Web</c> starts the application
    /// in <c>src/Portal.Web</c>, but the shell's <c>PWD</c> still names the folder the operator typed the
    /// command in; without it (not started from a shell), the process's current directory.
    /// </summary>
    public static string StartDirectory() =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Path.IsPathFullyQualified(pwd) && Directory.Exists(pwd)
            ? pwd
            : Environment.CurrentDirectory;

    /// <summary>A path as the operator typed it, made absolute against <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
