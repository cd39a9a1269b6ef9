namespace IdentityProvider.Email;

/// <summary>
/// Wakes this instance's sender when a mail was saved here, so it goes out at once instead of at the next poll.
/// Mails saved by other instances are found by the poll (<c>Email:PollSeconds</c>).
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim pending = new(0, 1);

    public void Wake()
    {
        try
        {
            pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one wake-up covers every mail saved before the sender looks.
        }
    }

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken) => pending.WaitAsync(poll, cancellationToken);
}
