namespace IdentityProvider.Testing;

/// <summary>Finds the system Chromium, since Playwright's own browser download cannot work here.</summary>
public static class ChromiumLocator
{
    public const string PathVariable = "IDP_CHROMIUM";

    private static readonly string[] KnownPaths =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>Returns the path of the Chromium executable, or throws saying what to install.</summary>
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            // Why: an explicit setting that points nowhere is a mistake to report, not to paper over.
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{PathVariable} is set to '{configured}', which does not exist.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => KnownPaths.Select(known => Path.Combine(dir, Path.GetFileName(known))));
        return KnownPaths.Concat(onPath).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"No Chromium found: install the Debian package `chromium` (apt-get install chromium) or set {PathVariable} to its path.");
    }
}
