using IdentityProvider.AccountOverview;
using IdentityProvider.Auditing;
using IdentityProvider.Pages.Manage;

namespace IdentityProvider.UnitTests.AccountOverview;

public class ActivitySentenceTests
{
    [Fact]
    public void EveryShownKind_HasASentence_AndEverySentenceIsForAShownKind()
    {
        Assert.Empty(SecurityActivity.ShownKinds.Except(ActivityModel.Sentences.Keys));
        Assert.Empty(ActivityModel.Sentences.Keys.Except(SecurityActivity.ShownKinds));
        Assert.Empty(SecurityActivity.ShownKinds.Except(SecurityEventKinds.All));
        Assert.All(ActivityModel.Sentences.Values, sentence => Assert.EndsWith(".", sentence, StringComparison.Ordinal));
    }

    [Fact]
    public void AdministratorOnlyKinds_AboutOtherThings_AreNotShown()
    {
        Assert.DoesNotContain(SecurityEventKinds.PolicyChanged, SecurityActivity.ShownKinds);
        Assert.DoesNotContain(SecurityEventKinds.ClientCreated, SecurityActivity.ShownKinds);
        Assert.DoesNotContain(SecurityEventKinds.TokenUsed, SecurityActivity.ShownKinds);
    }
}
