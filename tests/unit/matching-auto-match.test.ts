import { describe, expect, it } from 'vitest';
import { autoMatch } from '../../shared/matching/auto-match';
import { detectEmailColumn } from '../../shared/matching/email-column';
import { fieldMappingSchema } from '../../shared/matching/field-mapping';

describe('autoMatch across languages and exports', () => {
  it.each([
    {
      language: 'English (Dynamics 365 Customer Insights export)',
      columns: [
        'CustomerId',
        'FirstName',
        'LastName',
        'PrimaryEmail',
        'Telephone1',
        'Address1_City',
      ],
      email: 'PrimaryEmail',
      standard: {
        FirstName: 'FirstName',
        LastName: 'LastName',
        Phone: 'Telephone1',
        MailingCity: 'Address1_City',
      },
    },
    {
      language: 'English (Outlook contacts)',
      columns: ['Given name', 'Surname', 'E-mail Address', 'Company', 'Job Title', 'Mobile Phone'],
      email: 'E-mail Address',
      standard: {
        FirstName: 'Given name',
        LastName: 'Surname',
        Company: 'Company',
        Title: 'Job Title',
        MobilePhone: 'Mobile Phone',
      },
    },
    {
      language: 'Catalan',
      columns: ['Nom', 'Cognoms', 'Correu electrònic', 'Població', 'Codi postal', 'Telèfon mòbil'],
      email: 'Correu electrònic',
      standard: {
        FirstName: 'Nom',
        LastName: 'Cognoms',
        MailingCity: 'Població',
        MailingPostalCode: 'Codi postal',
        MobilePhone: 'Telèfon mòbil',
      },
    },
    {
      language: 'Spanish',
      columns: ['Nombre', 'Apellidos', 'Correo electrónico', 'Empresa', 'Teléfono', 'País'],
      email: 'Correo electrónico',
      standard: {
        FirstName: 'Nombre',
        LastName: 'Apellidos',
        Company: 'Empresa',
        Phone: 'Teléfono',
        MailingCountry: 'País',
      },
    },
    {
      language: 'French',
      columns: ['Prénom', 'Nom de famille', 'Courriel', 'Société', 'Ville', 'Code postal'],
      email: 'Courriel',
      standard: {
        FirstName: 'Prénom',
        LastName: 'Nom de famille',
        Company: 'Société',
        MailingCity: 'Ville',
        MailingPostalCode: 'Code postal',
      },
    },
    {
      language: 'French, with a bare Nom beside Prénom',
      columns: ['Prénom', 'Nom', 'Adresse e-mail', 'Civilité'],
      email: 'Adresse e-mail',
      standard: { FirstName: 'Prénom', LastName: 'Nom', Salutation: 'Civilité' },
    },
    {
      language: 'German',
      columns: ['Anrede', 'Vorname', 'Nachname', 'E-Mail-Adresse', 'Straße', 'PLZ', 'Ort', 'Firma'],
      email: 'E-Mail-Adresse',
      standard: {
        Salutation: 'Anrede',
        FirstName: 'Vorname',
        LastName: 'Nachname',
        MailingStreet: 'Straße',
        MailingPostalCode: 'PLZ',
        MailingCity: 'Ort',
        Company: 'Firma',
      },
    },
  ])('$language', ({ columns, email, standard }) => {
    const mapping = autoMatch(columns);
    expect(mapping).toEqual({ email, standard, custom: [] });
    expect(fieldMappingSchema.safeParse(mapping).success).toBe(true);
  });

  it('ignores case, spacing, accents and punctuation', () => {
    const mapping = autoMatch(['  EMAIL_ADDRESS ', 'first-name', 'LAST NAME', 'correu electronic']);
    expect(mapping.email).toBe('  EMAIL_ADDRESS ');
    expect(mapping.standard).toEqual({ FirstName: 'first-name', LastName: 'LAST NAME' });
    expect(autoMatch(['Firstname', 'Lastname', 'EmailAddress1']).standard).toEqual({
      FirstName: 'Firstname',
      LastName: 'Lastname',
    });
    expect(autoMatch(['PRÉNOM', 'prenom2', 'Mél']).email).toBe('Mél');
  });

  it('finds fields named inside longer headers, but not look-alikes', () => {
    const mapping = autoMatch([
      'Contact Email',
      'Customer First Name',
      'Billing City',
      'Company ID',
    ]);
    expect(mapping.email).toBe('Contact Email');
    expect(mapping.standard).toEqual({
      FirstName: 'Customer First Name',
      MailingCity: 'Billing City',
    });
    expect(autoMatch(['Email', 'Email opt-in', 'First order']).standard).toEqual({});
  });

  it('never feeds two fields from one column, nor one field from two columns', () => {
    const mapping = autoMatch(['Email', 'Phone', 'Telephone', 'Mobile', 'City', 'Town']);
    expect(mapping.standard).toEqual({
      Phone: 'Phone',
      MobilePhone: 'Mobile',
      MailingCity: 'City',
    });
    const columns = Object.values(mapping.standard);
    expect(new Set(columns).size).toBe(columns.length);
    expect(columns).not.toContain(mapping.email);
  });
});

describe('choosing the email column', () => {
  it('prefers the primary address when a file has several', () => {
    expect(detectEmailColumn(['EmailAddress2', 'EmailAddress1', 'EmailAddress3'])).toBe(
      'EmailAddress1',
    );
    expect(detectEmailColumn(['Secondary email', 'Email'])).toBe('Email');
  });

  it('lets sample values decide between named candidates', () => {
    const columns = ['Email', 'Work email'];
    const samples = [
      ['yes', 'anna@example.com'],
      ['no', 'joan@example.org'],
    ];
    expect(detectEmailColumn(columns, samples)).toBe('Work email');
    expect(autoMatch(columns, samples).email).toBe('Work email');
    expect(detectEmailColumn(columns)).toBe('Email');
  });

  it('finds an unnamed column full of addresses, and nothing when there is none', () => {
    const samples = [
      ['1', 'Anna', 'anna@example.com'],
      ['2', 'Joan', 'joan@example.org'],
      ['3', 'Pau', ''],
    ];
    expect(detectEmailColumn(['Id', 'Name', 'Contact'], samples)).toBe('Contact');
    expect(detectEmailColumn(['Id', 'Name', 'Notes'], [['1', 'Anna', 'likes cats']])).toBeNull();
    expect(detectEmailColumn(['Id', 'Name'])).toBeNull();
  });

  it('still completes the mapping when nothing looks like an email', () => {
    const mapping = autoMatch(['Id', 'First name']);
    expect(mapping.email).toBe('Id');
    expect(mapping.standard).toEqual({ FirstName: 'First name' });
    expect(autoMatch([]).email).toBe('');
  });
});

describe('headers that only mention an email', () => {
  it('count when their values are addresses, not when they are not', () => {
    const columns = ['Id', 'Contact email'];
    expect(detectEmailColumn(columns)).toBe('Contact email');
    expect(detectEmailColumn(columns, [['1', 'anna@example.com']])).toBe('Contact email');
    expect(detectEmailColumn(columns, [['1', 'yes']])).toBeNull();
    expect(detectEmailColumn(['Email;Name'], [['anna@example.com;Anna']])).toBeNull();
    // A column named exactly for the email stays the email column, however bad its values.
    expect(detectEmailColumn(['Email'], [['not an address']])).toBe('Email');
  });
});
