namespace IdentityProvider.Testing;

/// <summary>A clock the test moves by hand; the provider reads time only through <see cref="TimeProvider"/>.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
