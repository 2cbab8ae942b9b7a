package io.github.orysession.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;

import org.junit.jupiter.api.Test;

/** {@link Identity#traitsAs(Class)} and {@link Identity#metadataPublicAs(Class)} with a real JSON-B (Yasson). */
class IdentityTraitsTest {

    public record Person(String email, Name name, int age, List<String> tags) {
        public record Name(String first, String last) {
        }
    }

    public record Renamed(@JsonbProperty("first_name") String firstName) {
    }

    /** A plain class, as older code has them. */
    public static class Contact {
        public String email;
        public Address address;
    }

    public static class Address {
        public int zip;
    }

    public record Membership(List<String> roles, String plan) {
    }

    public sealed interface Member permits Customer, Employee {
        String email();
    }

    @IdentitySchema("customer")
    public record Customer(String email, String loyalty) implements Member {
    }

    @IdentitySchema({"employee", "contractor"})
    public record Employee(String email, String department) implements Member {
    }

    public sealed interface Unmarked permits Loose {
    }

    public record Loose(String email) implements Unmarked {
    }

    public sealed interface Clash permits First, Second {
    }

    @IdentitySchema("default")
    public record First(String email) implements Clash {
    }

    @IdentitySchema("default")
    public record Second(String email) implements Clash {
    }

    public interface Open {
    }

    private static Identity identity(String schemaId, String traits, String metadata) {
        return new Identity("id-1", schemaId, null, "active", null, json(traits), null, null,
                metadata == null ? null : json(metadata), null, null);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void readsTraitsIntoARecordWithNestedRecordsAndLists() {
        Identity identity = identity("default", """
                {"email":"ada@example.com","name":{"first":"Ada","last":"Lovelace"},"age":36,"tags":["a","b"],
                 "unknown":"ignored"}""", null);

        Person person = identity.traitsAs(Person.class);

        assertThat(person).isEqualTo(new Person("ada@example.com", new Person.Name("Ada", "Lovelace"), 36, List.of("a", "b")));
    }

    @Test
    void absentMembersAreNullOrZeroNotAFailure() {
        Person person = identity("default", "{\"email\":\"ada@example.com\"}", null).traitsAs(Person.class);

        assertThat(person.email()).isEqualTo("ada@example.com");
        assertThat(person.name()).as("absent object").isNull();
        assertThat(person.age()).as("absent number into an int").isZero();
    }

    @Test
    void jsonbPropertyRenamesAMember() {
        assertThat(identity("default", "{\"first_name\":\"Ada\"}", null).traitsAs(Renamed.class).firstName())
                .isEqualTo("Ada");
    }

    @Test
    void readsPlainClasses() {
        Contact contact = identity("default", "{\"email\":\"a@x\",\"address\":{\"zip\":1234}}", null).traitsAs(Contact.class);

        assertThat(contact.email).isEqualTo("a@x");
        assertThat(contact.address.zip).isEqualTo(1234);
    }

    @Test
    void readsPublicMetadata() {
        Membership membership = identity("default", "{}", "{\"roles\":[\"admin\"],\"plan\":\"gold\"}")
                .metadataPublicAs(Membership.class);

        assertThat(membership).isEqualTo(new Membership(List.of("admin"), "gold"));
        assertThat(identity("default", "{}", null).metadataPublicAs(Membership.class))
                .as("no metadata reads as an empty object").isEqualTo(new Membership(null, null));
    }

    @Test
    void aMemberOfTheWrongTypeIsNamedWithoutItsValue() {
        Identity identity = identity("default", "{\"email\":\"secret-ada@example.com\",\"age\":\"thirty-six\"}", null);

        assertThatThrownBy(() -> identity.traitsAs(Person.class))
                .isInstanceOf(IdentityMappingException.class)
                .hasMessageContaining("traits.age is a JSON string")
                .hasMessageContaining("Person.age (int)")
                .hasMessageContaining(Person.class.getName())
                .hasMessageNotContaining("thirty-six")
                .hasMessageNotContaining("secret-ada")
                .satisfies(e -> assertThat(((IdentityMappingException) e).member()).hasValue("traits.age"));
    }

    @Test
    void aNestedMemberIsNamedByItsPath() {
        Identity record = identity("default", "{\"name\":{\"first\":\"Ada\",\"last\":[\"Love\",\"lace\"]}}", null);
        Identity plain = identity("default", "{\"address\":{\"zip\":\"SW1A\"}}", null);

        assertThatThrownBy(() -> record.traitsAs(Person.class)).isInstanceOf(IdentityMappingException.class)
                .hasMessageContaining("traits.name.last is a JSON array, which does not fit Name.last (java.lang.String)");
        assertThatThrownBy(() -> plain.traitsAs(Contact.class)).isInstanceOf(IdentityMappingException.class)
                .satisfies(e -> assertThat(((IdentityMappingException) e).member()).hasValue("traits.address.zip"));
    }

    @Test
    void nullIntoAPrimitiveIsNamed() {
        assertThatThrownBy(() -> identity("default", "{\"age\":null}", null).traitsAs(Person.class))
                .isInstanceOf(IdentityMappingException.class)
                .satisfies(e -> assertThat(((IdentityMappingException) e).member()).hasValue("traits.age"));
    }

    @Test
    void aMetadataMismatchNamesMetadataPublic() {
        assertThatThrownBy(() -> identity("default", "{}", "{\"roles\":\"admin\",\"plan\":{}}").metadataPublicAs(Membership.class))
                .isInstanceOf(IdentityMappingException.class)
                .hasMessageContaining("metadata_public.");
    }

    @Test
    void aSealedTypeIsReadAsThePermittedTypeOfTheIdentitysSchema() {
        Member customer = identity("customer", "{\"email\":\"c@x\",\"loyalty\":\"L-1\"}", null).traitsAs(Member.class);
        Member contractor = identity("contractor", "{\"email\":\"e@x\",\"department\":\"R&D\"}", null).traitsAs(Member.class);

        assertThat(customer).isEqualTo(new Customer("c@x", "L-1"));
        assertThat(contractor).isEqualTo(new Employee("e@x", "R&D"));
    }

    @Test
    void aSchemaNoPermittedTypeIsForIsRefused() {
        assertThatThrownBy(() -> identity("partner", "{\"email\":\"p@x\"}", null).traitsAs(Member.class))
                .isInstanceOf(IdentityMappingException.class)
                .hasMessageContaining("schema 'partner'")
                .hasMessageContaining("customer: Customer")
                .hasMessageContaining("employee: Employee");
    }

    @Test
    void aTypeForOtherSchemasRefusesTheIdentity() {
        assertThatThrownBy(() -> identity("customer", "{\"email\":\"c@x\"}", null).traitsAs(Employee.class))
                .isInstanceOf(IdentityMappingException.class)
                .hasMessageContaining("the identity's schema is 'customer'")
                .hasMessageContaining("[contractor, employee]");
        assertThat(identity("employee", "{\"email\":\"e@x\"}", null).traitsAs(Employee.class).email()).isEqualTo("e@x");
    }

    @Test
    void typesThatCanNeverBeReadSayWhy() {
        Identity identity = identity("default", "{\"email\":\"a@x\"}", null);

        assertThatThrownBy(() -> identity.traitsAs(Unmarked.class)).isInstanceOf(IdentityMappingException.class)
                .hasMessageContaining("which has no @IdentitySchema");
        assertThatThrownBy(() -> identity.traitsAs(Clash.class)).isInstanceOf(IdentityMappingException.class)
                .hasMessageContaining("schema 'default' is claimed by both");
        assertThatThrownBy(() -> identity.traitsAs(Open.class)).isInstanceOf(IdentityMappingException.class)
                .hasMessageContaining("only when it is sealed");
    }

    @Test
    void eachCallReadsAnew() {
        Identity identity = identity("default", "{\"email\":\"a@x\"}", null);

        assertThat(identity.traitsAs(Person.class)).isNotSameAs(identity.traitsAs(Person.class))
                .isEqualTo(identity.traitsAs(Person.class));
    }
}
