namespace IdentityProvider.Testing.Stories;

/// <summary>
/// Starts many submissions behind one gate, so they reach the provider together: what a race test needs to
/// prove that a single-use secret is accepted once, or that parallel failures are all counted.
/// </summary>
public static class Race
{
    /// <summary>Runs <paramref name="attempt"/> for 0..<paramref name="count"/>-1, all released at once; the results in order.</summary>
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> attempt)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, count).Select(index => Task.Run(async () =>
        {
            await gate.Task;
            return await attempt(index);
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(attempts);
    }

    /// <summary>How many results won.</summary>
    public static int Winners<T>(this IEnumerable<T> results, Func<T, bool> won) => results.Count(won);
}
