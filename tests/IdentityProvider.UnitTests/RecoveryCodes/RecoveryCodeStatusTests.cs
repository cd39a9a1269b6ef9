using IdentityProvider.RecoveryCodes;

namespace IdentityProvider.UnitTests.RecoveryCodes;

public class RecoveryCodeStatusTests
{
    [Theory]
    [InlineData(10, false)]
    [InlineData(4, false)]
    [InlineData(3, true)]
    [InlineData(0, true)]
    public void Status_ThreeOrFewerLeft_IsLow(int remaining, bool low) =>
        Assert.Equal(low, new RecoveryCodeStatus(remaining, 10).IsLow);
}
