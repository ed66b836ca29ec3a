-- A small catalogue to start with; real deployments replace it through their own migrations.
insert into product (sku, name, unit_price, currency, active) values
    ('COFFEE-BEANS-1KG', 'Coffee beans, 1 kg',          2490, 'EUR', true),
    ('ESPRESSO-CUP',     'Espresso cup',                  900, 'EUR', true),
    ('MILK-FROTHER',     'Milk frother',                 3999, 'EUR', true),
    ('GRINDER-HAND',     'Hand grinder',                 5450, 'EUR', true),
    ('TEA-SAMPLER',      'Tea sampler (US edition)',     1500, 'USD', true),
    ('FILTER-PAPERS',    'Filter papers, 100 (retired)',  350, 'EUR', false);
