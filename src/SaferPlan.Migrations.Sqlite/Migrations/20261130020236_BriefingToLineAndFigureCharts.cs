using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BriefingToLineAndFigureCharts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ToLine",
                table: "PartnerBriefings",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Chart",
                table: "FigureTables",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ToLine",
                table: "PartnerBriefings");

            migrationBuilder.DropColumn(
                name: "Chart",
                table: "FigureTables");
        }
    }
}
