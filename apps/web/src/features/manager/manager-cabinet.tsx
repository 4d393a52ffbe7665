import './strings.ts';
import { Route } from 'react-router';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { CategoriesSection } from './categories-section.tsx';
import { ImportSection } from './import-section.tsx';
import { ProductEditor } from './product-editor.tsx';
import { ProductsSection } from './products-section.tsx';
import { PromotionsSection } from './promotions-section.tsx';
import { RatesSection } from './rates-section.tsx';

export default function ManagerCabinet() {
  return (
    <CabinetShell
      id="manager"
      sections={[
        { path: 'products', element: <ProductsSection /> },
        { path: 'categories', element: <CategoriesSection /> },
        { path: 'import', element: <ImportSection /> },
        { path: 'promotions', element: <PromotionsSection /> },
        { path: 'rates', element: <RatesSection /> },
      ]}
      extraRoutes={<Route path="products/:id" element={<ProductEditor />} />}
    />
  );
}
