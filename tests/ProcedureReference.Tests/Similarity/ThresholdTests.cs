using ProcedureReference.Importing;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Similarity;

/// <summary>A page about nothing else in the reference gets no similar codes, rather than noise.</summary>
public sealed class ThresholdTests : IDisposable
{
    private const string DentalFile = "900_dental_cleaning.txt";

    private const string DentalCleaning = """
        Search all medical codes

        Dental prophylaxis, adult; routine cleaning of teeth

        CPT4 code

        Name of the Procedure:

        Adult Dental Cleaning
        Common Name(s): Teeth Cleaning, Scale and Polish

        Summary

        A dental cleaning removes plaque and tartar from the teeth and gums. A dental hygienist scrapes the tooth surfaces with a scaler, polishes the enamel and flosses between the teeth.

        Purpose

        Regular cleaning prevents cavities, gingivitis and periodontal disease and keeps the gums healthy.

        Indications

          • Plaque or tartar build-up on the teeth
          • Bleeding gums when brushing or flossing
          • A routine six-month dental check-up

        Preparation

          • Brush and floss as usual beforehand
          • Tell the dentist about any medicines you take

        Procedure Description

          1. The hygienist examines the mouth with a small mirror.
          2. Tartar is scraped off with a hand scaler or an ultrasonic scaler.
          3. The teeth are polished with a gritty toothpaste.
          4. The teeth are flossed and rinsed.
          5. Fluoride varnish may be painted on the teeth.

        Duration

        About 30 to 60 minutes.

        Setting

        Performed in a dental office.

        Personnel

          • Dental hygienist
          • Dentist

        Risks and Complications

          • Sensitive teeth for a day or two
          • Slight bleeding of the gums

        Benefits

          • Fresher breath and whiter teeth
          • Fewer cavities and healthier gums

        Recovery

          • Eat and drink normally right away

        Alternatives

          • Brushing and flossing at home only, which cannot remove hardened tartar

        Patient Experience

          • A scraping feeling and some pressure on the teeth; the gums may be tender afterwards.

        Similar Codes
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_page_about_something_unrelated_gets_no_similar_codes_and_is_nobodys()
    {
        var content = SeedContent.CopyTo(_temp);
        File.WriteAllText(Path.Combine(content, DentalFile), DentalCleaning);
        SeedContent.AddCode(content, DentalFile, "D1110");
        var database = _temp.Combine("ref.db");

        var report = TestContent.Publish(content, database);

        Assert.True(report.Succeeded, report.FatalError);
        Assert.Equal(0, report.FilesWithErrors);
        var rows = SimilarCodeRows.Read(database);
        Assert.Empty(rows.Of("D1110"));
        Assert.DoesNotContain(rows.Values.SelectMany(l => l), r => r.Code == "D1110");
        // The seeds still find each other.
        Assert.Equal("37188", rows.Of("34421").FirstOrDefault()?.Code);
    }
}
