using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SaferPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SpcBaselineAndPartnershipBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BoardId",
                table: "Partnerships",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SpcBaselineFromMonth",
                table: "Indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SpcBaselineToMonth",
                table: "Indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_BoardId",
                table: "Partnerships",
                column: "BoardId");

            migrationBuilder.AddForeignKey(
                name: "FK_Partnerships_Bodies_BoardId",
                table: "Partnerships",
                column: "BoardId",
                principalTable: "Bodies",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Partnerships_Bodies_BoardId",
                table: "Partnerships");

            migrationBuilder.DropIndex(
                name: "IX_Partnerships_BoardId",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "BoardId",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "SpcBaselineFromMonth",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "SpcBaselineToMonth",
                table: "Indicators");
        }
    }
}
