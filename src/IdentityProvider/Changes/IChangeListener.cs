namespace IdentityProvider.Changes;

/// <summary>Drops what this instance keeps of one <see cref="ChangeKinds"/> kind when another instance (or this one) announced a change.</summary>
public interface IChangeListener
{
    string Kind { get; }

    ValueTask ChangedAsync(CancellationToken cancellationToken);
}
