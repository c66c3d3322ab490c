using ProcedureReference.Search;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Search;

/// <summary>Section, system and category filters, and the facet counts beside the hits.</summary>
public abstract class FilterTests<TDb>(TDb db) : IClassFixture<TDb>
    where TDb : class, ISearchTestDatabase<TDb>, new()
{
    [EngineFact]
    public void A_section_filter_finds_pages_whose_section_mentions_the_word_and_links_the_snippet_to_it()
    {
        var results = db.Search("bleeding", section: "risks");

        Assert.Equal(["34421", "37188", "72275", "76496", "78458"], results.Hits.Select(h => h.Code).Order());
        Assert.All(results.Hits, hit =>
        {
            Assert.Equal("risks", hit.SnippetSection);
            Assert.Contains("<mark>", hit.SnippetHtml, StringComparison.Ordinal);
        });
    }

    [EngineFact]
    public void A_section_filter_excludes_pages_that_use_the_word_elsewhere()
    {
        // 'lungs' is in the purpose and indications of 34421 but in no page's risks.
        Assert.NotEmpty(db.Codes("lungs"));
        Assert.Empty(db.Codes("lungs", section: "risks"));
        Assert.Equal(["34421"], db.Codes("lungs", section: "Purpose"));
    }

    [EngineFact]
    public void An_unknown_section_is_ignored()
    {
        Assert.Equal(db.Codes("bleeding"), db.Codes("bleeding", section: "risks} OR {title"));
        Assert.Equal(db.Codes("bleeding"), db.Codes("bleeding", section: "nonsense"));
    }

    [EngineFact]
    public void Without_a_filter_the_snippet_links_to_the_best_matching_section()
    {
        var hit = db.Search("hematoma").Hits.Single(h => h.Code == "34421");

        Assert.Equal("risks", hit.SnippetSection);
        Assert.Contains("<mark>hematoma</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [EngineFact]
    public void A_title_only_match_links_nowhere_and_shows_the_summary()
    {
        // 'interpretation' is only in the title and name of 72275.
        var hit = Assert.Single(db.Search("interpretation").Hits);

        Assert.Equal("72275", hit.Code);
        Assert.Null(hit.SnippetSection);
        Assert.StartsWith("Epidurography is a diagnostic imaging procedure", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [EngineFact]
    public void The_system_filter_is_exact()
    {
        Assert.Equal(5, db.Search("procedure", system: "CPT").Total);
        Assert.Equal(0, db.Search("procedure", system: "HCPCS").Total);
        Assert.Equal(0, db.Search("procedure", system: "cpt' OR '1'='1").Total);
    }

    [EngineFact]
    public void Hits_carry_their_category_from_the_code_ranges()
    {
        var categories = db.Search("procedure").Hits.ToDictionary(h => h.Code, h => h.Category);

        Assert.Equal("Radiology", categories["78458"]);
        Assert.Equal("Radiology", categories["76496"]);
        Assert.Equal("Radiology", categories["72275"]);
        Assert.Equal("Surgery", categories["34421"]);
        Assert.Equal("Surgery", categories["37188"]);
    }

    [EngineFact]
    public void Facets_count_the_whole_match_not_just_the_page()
    {
        var results = db.Search("procedure", pageSize: 1);

        Assert.Single(results.Hits);
        Assert.Equal([new("CPT", "CPT", 5)], results.Systems);
        Assert.Equal([new("Radiology", "Radiology", 3), new("Surgery", "Surgery", 2)], results.Categories);
        Assert.Contains(new FacetCount("summary", "Summary", 5), results.Sections);
        Assert.Contains(new FacetCount("patient_experience", "Patient experience", 5), results.Sections);
        Assert.Equal(results.Sections.Select(s => s.Count).OrderDescending(), results.Sections.Select(s => s.Count));
    }

    [EngineFact]
    public void The_category_filter_keeps_that_category_and_its_facet_still_shows_the_others()
    {
        var results = db.Search("procedure", category: "Surgery");

        Assert.Equal(["34421", "37188"], results.Hits.Select(h => h.Code).Order());
        Assert.Equal(2, results.Total);
        Assert.Equal([new("Radiology", "Radiology", 3), new("Surgery", "Surgery", 2)], results.Categories);
        Assert.Equal([new("CPT", "CPT", 2)], results.Systems);
    }

    [EngineFact]
    public void The_category_filter_applies_to_code_matches_too()
    {
        Assert.Equal(["78458"], db.Codes("78458", category: "Radiology"));
        Assert.Empty(db.Codes("78458", category: "Surgery"));
    }

    [EngineFact]
    public void The_section_facet_counts_pages_matching_within_each_section()
    {
        var sections = db.Search("bleeding").Sections.ToDictionary(s => s.Value, s => s.Count);

        Assert.Equal(5, sections["risks"]);
        Assert.Equal(1, sections["recovery"]);
        Assert.DoesNotContain("title", sections.Keys);
    }

    [EngineFact]
    public void A_code_search_has_system_and_category_facets_but_no_section_facet()
    {
        var results = db.Search("37188");

        Assert.Equal([new("CPT", "CPT", 1)], results.Systems);
        Assert.Equal([new("Surgery", "Surgery", 1)], results.Categories);
        Assert.Empty(results.Sections);
    }
}

public sealed class SqliteFilterTests(SearchDatabase db) : FilterTests<SearchDatabase>(db);

public sealed class PostgresFilterTests(PostgresSearchDatabase db) : FilterTests<PostgresSearchDatabase>(db), IOnPostgres;
