using CxDashboard.Domain.Common;

namespace CxDashboard.Tests.Domain.Common;

public sealed class RedactionTests
{
    private static readonly Redaction Customer = Redaction.Of(
        ["My daughter Ruth collected the parcel. The assistant at the till refused the return!"], ["LOY-88120", null]);

    [Fact]
    public void A_quoted_sentence_is_replaced_whatever_its_case_and_the_rest_of_the_text_stays()
    {
        var text = Customer.Apply("Customer wrote: 'THE ASSISTANT AT THE TILL REFUSED THE RETURN' (loy-88120). Train the staff.");

        Assert.Equal($"Customer wrote: '{Redaction.Marker}' ({Redaction.Marker}). Train the staff.", text);
    }

    [Fact]
    public void Text_that_quotes_nothing_of_the_customer_is_left_as_it_is()
    {
        Assert.Equal("Ruth from the Leeds team will call back.", Customer.Apply("Ruth from the Leeds team will call back."));
        Assert.Null(Customer.Apply(null));
    }

    [Fact]
    public void A_redacted_text_never_grows_past_its_field()
    {
        var text = Customer.Apply("Ref LOY-88120", maxLength: 20);

        Assert.Equal(20, text!.Length);
        Assert.DoesNotContain("88120", text);
    }

    [Fact]
    public void Words_in_a_json_snapshot_are_found_even_when_their_characters_are_escaped()
    {
        var redaction = Redaction.Of(["Mrs O'Brien's parcel never came to Zoë"], []);
        var json = System.Text.Json.JsonSerializer.Serialize(new { Id = 4, Description = "Quote: Mrs O'Brien's parcel never came to Zoë", Severity = 2 });
        Assert.Contains("\\u0027", json);

        var redacted = redaction.ApplyToJson(json)!;

        Assert.DoesNotContain("Brien", redacted);
        Assert.Contains("\"Id\":4", redacted);
        Assert.Contains("\"Severity\":2", redacted);
        Assert.Contains("Quote: ", redacted);
    }
}
