using CxDashboard.Domain.Notifications;

namespace CxDashboard.Tests.Domain.Notifications;

public sealed class MentionsTests
{
    [Fact]
    public void A_handle_is_the_part_of_an_email_address_before_the_at_sign_in_any_case_and_ends_where_the_word_does()
    {
        var handles = Mentions.In("Thanks @Dana.Reid, and @cara: can you call back? Then @finn.");

        Assert.Equal(["cara", "dana.reid", "finn"], handles.Order());
    }

    [Fact]
    public void An_email_address_written_in_a_note_is_not_a_mention()
    {
        Assert.Empty(Mentions.In("Write to dana.reid@retailer.example or @ alone."));
    }

    [Fact]
    public void An_edited_note_mentions_only_whom_it_newly_names()
    {
        Assert.Equal(["eli"], Mentions.Added("Asked @cara.", "Asked @cara and @eli."));
    }

    [Fact]
    public void The_handle_of_a_person_is_read_from_their_email_address()
    {
        Assert.Equal("dana.reid", Mentions.HandleOf("dana.reid@retailer.example"));
    }
}
