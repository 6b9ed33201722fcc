using CxDashboard.Web.Features.Common;

namespace CxDashboard.Tests.Features.Common;

public class LikePatternTests
{
    [Fact]
    public void Typed_wildcards_brackets_and_the_escape_character_are_searched_for_literally()
    {
        Assert.Equal(@"%50\% off \_ \[sale] C:\\%", LikePattern.Containing("  50% off _ [sale] C:\\ "));
    }
}
