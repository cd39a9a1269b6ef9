using IdentityProvider.Changes;

namespace IdentityProvider.Connect;

/// <summary>
/// A client changed or deleted on any instance: this instance's client cache forgets every registration, so the next
/// request reads it again (a rotated secret, a removed redirect URI or a deleted client is refused here too).
/// </summary>
internal sealed class ClientCacheOnClientChange(ClientCacheEntries entries) : IChangeListener
{
    public string Kind => ChangeKinds.Clients;

    public ValueTask ChangedAsync(CancellationToken cancellationToken)
    {
        entries.Clear();
        return ValueTask.CompletedTask;
    }
}
