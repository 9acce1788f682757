using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <summary>
    /// An edition started without a version label was labelled "Draft", which never changed when it was approved: such an
    /// edition has no label (apart from <see cref="EditionLabelOptional"/>, which on SQLite rebuilds the table at its end).
    /// </summary>
    public partial class EditionLabelDraftCleared : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"PlanEditions\" SET \"Label\" = NULL WHERE \"Label\" = 'Draft';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"PlanEditions\" SET \"Label\" = 'Draft' WHERE \"Label\" IS NULL;");
        }
    }
}
